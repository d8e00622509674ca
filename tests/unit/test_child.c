/* test_child — the child record: typed input, validation messages naming
 * the field, age and the 16-year cut, duplicate scoring. */
#include <config.h>
#include "tests.h"
#include "treem/model/child_rules.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>

static const struct date TODAY = {2025, 6, 30};

/* A valid record: Nguyễn Thị Đào, born 15/03/2018. */
static void valid_child(struct child *c)
{
    child_init(c);
    ck_assert_int_eq(child_field_parse(c, CF_FULL_NAME, "Nguyễn Thị Đào"), ST_OK);
    ck_assert_int_eq(child_field_parse(c, CF_BIRTH_DATE, "15/03/2018"), ST_OK);
    ck_assert_int_eq(child_field_parse(c, CF_SEX, "nữ"), ST_OK);
    ck_assert_int_eq(child_field_parse(c, CF_VILLAGE, "Thôn 1"), ST_OK);
}

START_TEST(valid_record_passes)
{
    struct child c;
    valid_child(&c);
    enum child_field bad = CF_SEX;
    ck_assert_msg(child_validate(&c, NULL, TODAY, &bad) == ST_OK, "%s", status_message());
    ck_assert_int_eq(bad, CF_NONE);
    ck_assert_int_eq(c.sex, CHILD_SEX_FEMALE);
    child_free(&c);
}
END_TEST

/* Input that parses but breaks a rule: which field, and the label the message starts with. */
static const struct { enum child_field f; const char *input; enum child_field bad; const char *label; } rule_cases[] = {
    {CF_FULL_NAME, "", CF_FULL_NAME, "full name: "},
    {CF_FULL_NAME, "   \t ", CF_FULL_NAME, "full name: "},
    {CF_BIRTH_DATE, "01/07/2025", CF_BIRTH_DATE, "date of birth: "},        /* tomorrow */
    {CF_BIRTH_DATE, "30/06/2009", CF_BIRTH_DATE, "date of birth: "},        /* 16 today */
    {CF_BIRTH_DATE, "01/01/2008", CF_BIRTH_DATE, "date of birth: "},        /* 17 */
    {CF_PERSONAL_ID, "12345678901", CF_PERSONAL_ID, "personal ID number: "}, /* 11 digits */
    {CF_PERSONAL_ID, "1234567890123", CF_PERSONAL_ID, "personal ID number: "},
    {CF_PERSONAL_ID, "03620000123A", CF_PERSONAL_ID, "personal ID number: "},
    {CF_FATHER_PHONE, "12345", CF_FATHER_PHONE, "father's phone: "},
    {CF_MOTHER_PHONE, "09x2345678", CF_MOTHER_PHONE, "mother's phone: "},
    {CF_CARER_PHONE, "+1 555 123 4567", CF_CARER_PHONE, "carer's phone: "},
    {CF_BIRTH_REG_DATE, "01/01/2018", CF_BIRTH_REG_DATE, "birth registration date: "}, /* before birth */
    {CF_VACCINATED_ON, "01/08/2025", CF_VACCINATED_ON, "fully vaccinated (under 1) on: "},
    {CF_ETHNICITY, "Kinh Kinh Kinh Kinh Kinh Kinh Kinh Kinh Kinh Kinh Kinh", CF_ETHNICITY, "ethnicity: "},
};

START_TEST(rule_breaks_name_the_field)
{
    struct child c;
    valid_child(&c);
    ck_assert_int_eq(child_field_parse(&c, rule_cases[_i].f, rule_cases[_i].input), ST_OK);
    enum child_field bad = CF_NONE;
    enum status st = child_validate(&c, NULL, TODAY, &bad);
    ck_assert_int_eq(st, ST_INVALID);
    ck_assert_int_eq(bad, rule_cases[_i].bad);
    test_message_starts(rule_cases[_i].label);
    child_free(&c);
}
END_TEST

START_TEST(over_long_name_and_notes)
{
    struct child c;
    valid_child(&c);
    char name[1024] = "";
    for (int i = 0; i < 101; i++)
        strcat(name, "Đ"); /* 101 characters, 202 bytes */
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, name), ST_OK);
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, NULL), ST_INVALID);
    ck_assert_ptr_nonnull(strstr(status_message(), "full name: at most 100 characters (now 101)"));
    name[200] = '\0'; /* exactly 100 */
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, name), ST_OK);
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, NULL), ST_OK);
    char *notes = malloc(2002);
    memset(notes, 'x', 2001);
    notes[2001] = '\0';
    ck_assert_int_eq(child_field_parse(&c, CF_NOTES, notes), ST_OK);
    enum child_field bad;
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, &bad), ST_INVALID);
    ck_assert_int_eq(bad, CF_NOTES);
    free(notes);
    child_free(&c);
}
END_TEST

/* Input that does not parse at all: the record keeps its old value. */
static const struct { enum child_field f; const char *input; const char *label; } parse_cases[] = {
    {CF_BIRTH_DATE, "31/02/2020", "date of birth: "},
    {CF_BIRTH_DATE, "30/13/2020", "date of birth: "},
    {CF_BIRTH_DATE, "hôm qua", "date of birth: "},
    {CF_BIRTH_DATE, "01/01/1890", "date of birth: "},
    {CF_EST_AGE, "năm", "estimated age: "},
    {CF_EST_AGE, "-3", "estimated age: "},
    {CF_SEX, "trai gái", "sex: "},
    {CF_BIRTH_REGISTERED, "maybe", "birth registered: "},
    {CF_SCHOOL, "đại học", "school or pre-school: "},
    {CF_FULL_NAME, "\xff\xfe", "full name: "},
};

START_TEST(bad_syntax_is_refused_and_keeps_value)
{
    struct child c;
    valid_child(&c);
    struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
    child_field_text(&c, parse_cases[_i].f, CHILD_FMT_STORE, &before);
    ck_assert_int_eq(child_field_parse(&c, parse_cases[_i].f, parse_cases[_i].input), ST_INVALID);
    test_message_starts(parse_cases[_i].label);
    child_field_text(&c, parse_cases[_i].f, CHILD_FMT_STORE, &after);
    ck_assert_str_eq(strbuf_str(&before), strbuf_str(&after));
    strbuf_free(&before);
    strbuf_free(&after);
    child_free(&c);
}
END_TEST

START_TEST(estimated_age_rules)
{
    struct child c;
    child_init(&c);
    child_field_parse(&c, CF_FULL_NAME, "Ksor H'Bia");
    enum child_field bad;
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, &bad), ST_INVALID); /* neither date nor age */
    ck_assert_int_eq(bad, CF_BIRTH_DATE);
    ck_assert_int_eq(child_field_parse(&c, CF_EST_AGE, "16"), ST_OK);
    child_normalize(&c, TODAY);
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, &bad), ST_INVALID);
    ck_assert_int_eq(bad, CF_EST_AGE);
    ck_assert_int_eq(child_field_parse(&c, CF_EST_AGE, "15"), ST_OK);
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, &bad), ST_OK);
    ck_assert_int_eq(c.est_age_on.y, 2025); /* normalize dated the estimate today */
    ck_assert_int_eq(child_field_parse(&c, CF_EST_AGE, "0"), ST_OK);
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, NULL), ST_OK);
    /* a birth date wins over an estimate */
    child_field_parse(&c, CF_BIRTH_DATE, "01/01/2020");
    child_normalize(&c, TODAY);
    ck_assert_int_eq(c.est_age, -1);
    child_free(&c);
}
END_TEST

START_TEST(age_and_16_year_cut)
{
    struct child c;
    child_init(&c);
    child_field_parse(&c, CF_BIRTH_DATE, "30/06/2009");
    ck_assert_int_eq(child_age_on(&c, (struct date){2025, 6, 29}, NULL), 15);
    ck_assert(!child_is_over_16(&c, (struct date){2025, 6, 29}));   /* the day before */
    ck_assert_int_eq(child_age_on(&c, (struct date){2025, 6, 30}, NULL), 16);
    ck_assert(child_is_over_16(&c, (struct date){2025, 6, 30}));    /* on the birthday */
    child_field_parse(&c, CF_BIRTH_DATE, "29/02/2012");             /* a leap-day birthday */
    ck_assert(!child_is_over_16(&c, (struct date){2028, 2, 28}));
    ck_assert(child_is_over_16(&c, (struct date){2028, 2, 29}));
    ck_assert(!child_is_over_16(&c, (struct date){2027, 2, 28}));
    ck_assert_int_eq(child_age_on(&c, (struct date){2011, 1, 1}, NULL), -1); /* not born yet */
    child_free(&c);
}
END_TEST

START_TEST(estimated_age_moves_with_time)
{
    struct child c;
    child_init(&c);
    child_field_parse(&c, CF_EST_AGE, "15");
    child_field_parse(&c, CF_EST_AGE_ON, "10/05/2024");
    bool est = false;
    ck_assert_int_eq(child_age_on(&c, (struct date){2025, 5, 9}, &est), 15);
    ck_assert(est);
    ck_assert(!child_is_over_16(&c, (struct date){2025, 5, 9}));
    ck_assert(child_is_over_16(&c, (struct date){2025, 5, 10}));
    struct date eff = child_birth_eff(&c);
    ck_assert_int_eq(eff.y * 10000 + eff.m * 100 + eff.d, 20090510);
    child_free(&c);
}
END_TEST

START_TEST(old_record_past_16_can_be_edited)
{
    struct child old, c;
    child_init(&old);
    child_field_parse(&old, CF_FULL_NAME, "Lê Văn Nam");
    child_field_parse(&old, CF_BIRTH_DATE, "01/01/2008");
    ck_assert_int_eq(child_validate(&old, NULL, TODAY, NULL), ST_INVALID); /* cannot be added */
    ck_assert_int_eq(child_copy(&c, &old), ST_OK);
    child_field_parse(&c, CF_CARER_PHONE, "0912 345 678");
    ck_assert_msg(child_validate(&c, &old, TODAY, NULL) == ST_OK, "%s", status_message());
    child_field_parse(&c, CF_BIRTH_DATE, "01/01/2007"); /* changing the birth re-applies the cut */
    ck_assert_int_eq(child_validate(&c, &old, TODAY, NULL), ST_INVALID);
    child_free(&c);
    child_free(&old);
}
END_TEST

START_TEST(parse_tidies_and_normalizes)
{
    struct child c;
    child_init(&c);
    /* NFD input, extra spaces */
    ck_assert_int_eq(child_field_parse(&c, CF_FULL_NAME, "  Nguye\xcc\x82\xcc\x83n   Thi\xcc\xa3  \xc4\x90" "a\xcc\x80o "), ST_OK);
    ck_assert_str_eq(c.full_name, "Nguyễn Thị Đào");
    ck_assert_int_eq(child_field_parse(&c, CF_PERSONAL_ID, "0360 1500 1234"), ST_OK);
    ck_assert_str_eq(c.personal_id, "036015001234");
    ck_assert_int_eq(child_field_parse(&c, CF_SEX, "khong-ro"), ST_OK);
    ck_assert_int_eq(c.sex, CHILD_SEX_UNKNOWN);
    ck_assert_int_eq(child_field_parse(&c, CF_SEX, "Nam"), ST_OK);
    ck_assert_int_eq(c.sex, CHILD_SEX_MALE);
    ck_assert_int_eq(child_field_parse(&c, CF_BIRTH_REGISTERED, "Có"), ST_OK);
    ck_assert_int_eq(c.birth_registered, 1);
    ck_assert_int_eq(child_field_parse(&c, CF_HOUSEHOLD, "cận nghèo"), ST_OK);
    ck_assert_int_eq(c.household, HOUSEHOLD_NEAR_POOR);
    ck_assert_int_eq(child_field_parse(&c, CF_NOTES, "  dòng 1\n  dòng 2  \n"), ST_OK);
    ck_assert_str_eq(c.notes, "dòng 1\n  dòng 2");
    ck_assert_int_eq(child_field_find("father-phone"), CF_FATHER_PHONE);
    ck_assert_int_eq(child_field_find("nope"), CF_NONE);
    struct strbuf sb = STRBUF_INIT;
    child_field_parse(&c, CF_BIRTH_DATE, "2018-03-05");
    child_field_text(&c, CF_BIRTH_DATE, CHILD_FMT_SHOW, &sb);
    ck_assert_str_eq(strbuf_str(&sb), "05/03/2018");
    strbuf_reset(&sb);
    child_field_text(&c, CF_BIRTH_DATE, CHILD_FMT_STORE, &sb);
    ck_assert_str_eq(strbuf_str(&sb), "2018-03-05");
    strbuf_free(&sb);
    child_free(&c);
}
END_TEST

START_TEST(registration_timing)
{
    struct child c;
    valid_child(&c);
    child_field_parse(&c, CF_BIRTH_REG_DATE, "14/05/2018"); /* 60 days after 15/03 */
    child_normalize(&c, TODAY);
    ck_assert_int_eq(c.birth_registered, 1);
    ck_assert_int_eq(c.birth_reg_timing, BIRTH_REG_ON_TIME);
    c.birth_reg_timing = BIRTH_REG_TIMING_UNKNOWN;
    child_field_parse(&c, CF_BIRTH_REG_DATE, "15/05/2018"); /* 61 days */
    child_normalize(&c, TODAY);
    ck_assert_int_eq(c.birth_reg_timing, BIRTH_REG_LATE);
    child_field_parse(&c, CF_BIRTH_REGISTERED, "không");
    enum child_field bad;
    ck_assert_int_eq(child_validate(&c, NULL, TODAY, &bad), ST_INVALID);
    ck_assert_int_eq(bad, CF_BIRTH_REG_TIMING);
    child_free(&c);
}
END_TEST

/* Duplicate scoring: b's changes from a copy of a, and the verdict. */
static const struct { enum child_field f[2]; const char *v[2]; bool likely; unsigned must; } dup_cases[] = {
    {{CF_FULL_NAME, CF_NONE}, {"nguyen thi dao", NULL}, true, DUP_SAME_NAME | DUP_SAME_BIRTH | DUP_SAME_VILLAGE},
    {{CF_BIRTH_DATE, CF_NONE}, {"16/03/2018", NULL}, false, DUP_SAME_NAME | DUP_SAME_VILLAGE},
    {{CF_VILLAGE, CF_NONE}, {"Thôn 2", NULL}, false, DUP_SAME_NAME | DUP_SAME_BIRTH},
    {{CF_VILLAGE, CF_MOTHER_NAME}, {"Thôn 2", "Trần Thị Hoa"}, true, DUP_SAME_GUARDIAN},
    {{CF_FULL_NAME, CF_NONE}, {"Nguyễn Thị Hoa", NULL}, false, DUP_SAME_BIRTH},
    {{CF_FULL_NAME, CF_NONE}, {"Nguyễn Thị Đạo", NULL}, true, DUP_SAME_NAME},  /* Đạo and Đào fold alike */
    {{CF_BIRTH_DATE, CF_EST_AGE}, {"", "7"}, true, DUP_CLOSE_AGE},   /* born 2018, ~7 in 2025 */
    {{CF_BIRTH_DATE, CF_EST_AGE}, {"", "10"}, false, 0},
    {{CF_FULL_NAME, CF_PERSONAL_ID}, {"Lê Văn Tám", "036018001234"}, true, DUP_SAME_ID},
    /* no village given: the same folded name and date of birth are enough to ask */
    {{CF_VILLAGE, CF_FULL_NAME}, {"", "nguyen thi dao"}, true, DUP_SAME_NAME | DUP_SAME_BIRTH},
    {{CF_VILLAGE, CF_BIRTH_DATE}, {"", "16/03/2018"}, false, DUP_SAME_NAME},
};

START_TEST(duplicate_scoring)
{
    struct child a, b;
    valid_child(&a);
    child_field_parse(&a, CF_MOTHER_NAME, "Trần Thị Hoa");
    child_field_parse(&a, CF_PERSONAL_ID, "036018001234");
    ck_assert_int_eq(child_copy(&b, &a), ST_OK);
    child_field_parse(&b, CF_MOTHER_NAME, "");
    child_field_parse(&b, CF_PERSONAL_ID, "");
    for (int k = 0; k < 2; k++)
        if (dup_cases[_i].f[k] != CF_NONE)
            ck_assert_int_eq(child_field_parse(&b, dup_cases[_i].f[k], dup_cases[_i].v[k]), ST_OK);
    child_normalize(&b, TODAY);
    struct child_dup d = child_dup_score(&a, &b);
    ck_assert_msg(d.likely == dup_cases[_i].likely, "case %d: likely %d, reasons %x", _i, d.likely, d.reasons);
    ck_assert_msg((d.reasons & dup_cases[_i].must) == dup_cases[_i].must, "case %d: reasons %x", _i, d.reasons);
    ck_assert(d.score >= 0 && d.score <= 100);
    struct child_dup back = child_dup_score(&b, &a); /* symmetric */
    ck_assert_int_eq(back.reasons, d.reasons);
    child_free(&a);
    child_free(&b);
}
END_TEST

START_TEST(duplicate_reason_text)
{
    struct strbuf sb = STRBUF_INIT;
    ck_assert(child_dup_reasons_text(DUP_SAME_NAME | DUP_SAME_VILLAGE, &sb));
    ck_assert_str_eq(strbuf_str(&sb), "same name, same village");
    strbuf_free(&sb);
}
END_TEST

Suite *suite_child(void)
{
    return test_suite((struct test_spec){"child", "core",
                       .tests = TEST_LIST(valid_record_passes, over_long_name_and_notes, estimated_age_rules,
                                          age_and_16_year_cut, estimated_age_moves_with_time,
                                          old_record_past_16_can_be_edited, parse_tidies_and_normalizes,
                                          registration_timing, duplicate_reason_text),
                       .loops = LOOP_LIST(TEST_ROWS(rule_breaks_name_the_field, rule_cases),
                                          TEST_ROWS(bad_syntax_is_refused_and_keeps_value, parse_cases),
                                          TEST_ROWS(duplicate_scoring, dup_cases))}, NULL);
}
