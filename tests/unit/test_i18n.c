/* test_i18n — the PO reader, look-ups in Vietnamese and English, and the
 * catalogue shipped in the binary. */
#include <config.h>
#include "tests.h"
#include "treem/core/embed.h"
#include "treem/core/i18n.h"

#include <stdlib.h>
#include <string.h>

static const char sample_po[] =
    "# Vietnamese translation (test)\n"
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\n"
    "#: src/x.c:1\n"
    "msgid \"Children\"\n"
    "msgstr \"Trẻ em\"\n"
    "\n"
    "#, c-format\n"
    "msgid \"\"\n"
    "\"%s: month must be \"\n"
    "\"1 to 12\"\n"
    "msgstr \"%s: tháng phải \"\n"
    "\"từ 1 đến 12\"\n"
    "\n"
    "msgid \"say \\\"hi\\\"\\n\\tand \\\\ go\"\n"
    "msgstr \"nói \\\"chào\\\"\\n\\tvà \\\\ đi\"\n"
    "\n"
    "msgid \"Not translated yet\"\n"
    "msgstr \"\"\n"
    "\r\n"
    "msgid \"Windows line\"\r\n"
    "msgstr \"Dòng Windows\"\r\n";

/* msgid → Vietnamese, as the sample above must give them. */
static const struct { const char *id, *vi; } sample_entries[] = {
    {"Children", "Trẻ em"},
    {"%s: month must be 1 to 12", "%s: tháng phải từ 1 đến 12"},
    {"say \"hi\"\n\tand \\ go", "nói \"chào\"\n\tvà \\ đi"},
    {"Not translated yet", "Not translated yet"},
    {"Windows line", "Dòng Windows"},
    {"never in the file", "never in the file"},
};
#define NSAMPLE (sizeof sample_entries / sizeof *sample_entries)

static void teardown(void)
{
    i18n_free();
    i18n_set_lang("en");
}

START_TEST(test_load_po_counts)
{
    /* the header (empty msgid) and the empty msgstr are not entries */
    ck_assert_int_eq(i18n_load_po(sample_po), 4);
    i18n_set_lang("en");
}
END_TEST

/* The sample catalogue loaded, lang the language in use. */
static void sample_in(const char *lang)
{
    ck_assert_int_ge(i18n_load_po(sample_po), 0);
    ck_assert(i18n_set_lang(lang));
    ck_assert_str_eq(i18n_lang(), lang);
}

START_TEST(test_lookup_vi)
{
    sample_in("vi");
    ck_assert_str_eq(_(sample_entries[_i].id), sample_entries[_i].vi);
    i18n_set_lang("en");
}
END_TEST

START_TEST(test_lookup_en)
{
    sample_in("en");
    ck_assert_str_eq(_(sample_entries[_i].id), sample_entries[_i].id);
}
END_TEST

START_TEST(test_empty_msgid_untouched)
{
    ck_assert_int_ge(i18n_load_po(sample_po), 0);
    i18n_set_lang("vi");
    ck_assert_str_eq(_(""), "");
    ck_assert_ptr_null(i18n_tr(NULL));
    i18n_set_lang("en");
}
END_TEST

START_TEST(test_later_load_replaces)
{
    ck_assert_int_eq(i18n_load_po(sample_po), 4);
    ck_assert_int_eq(i18n_load_po("msgid \"Other\"\nmsgstr \"Khác\"\n"), 1);
    i18n_set_lang("vi");
    ck_assert_str_eq(_("Other"), "Khác");
    ck_assert_str_eq(_("Children"), "Children");
    i18n_set_lang("en");
}
END_TEST

static const char *const bad_po[] = {
    "msgid \"a\"\n",                          /* no msgstr */
    "msgid \"a\"\nmsgstr b\n",                /* not quoted */
    "msgid \"a\nmsgstr \"b\"\n",              /* unterminated */
    "msgid \"a\"\nmsgstr \"b\\q\"\n",         /* unknown escape */
    "msgid \"a\nmsgstr \"b\"\nmsgstr \"c\"\n", /* a string runs into the next line */
    "msgid a\nmsgstr \"b\"\n",
};
#define NBAD (sizeof bad_po / sizeof *bad_po)

START_TEST(test_load_po_syntax_error)
{
    ck_assert_int_eq(i18n_load_po(bad_po[_i]), -1);
    i18n_set_lang("en");
}
END_TEST

/* A plural entry (not used by treem) is skipped, not a syntax error. */
START_TEST(test_plural_entry_skipped)
{
    static const char po[] =
        "msgid \"one file\"\nmsgid_plural \"%d files\"\n"
        "msgstr[0] \"%d tệp\"\n\n"
        "msgid \"Save\"\nmsgstr \"Lưu\"\n";
    ck_assert_int_eq(i18n_load_po(po), 1);
    i18n_set_lang("vi");
    ck_assert_str_eq(i18n_tr("Save"), "Lưu");
    ck_assert_str_eq(i18n_tr("one file"), "one file");
    i18n_set_lang("en");
}
END_TEST

START_TEST(test_set_lang)
{
    static const struct { const char *name; bool ok; const char *lang; } cases[] = {
        {"vi", true, "vi"}, {"vi_VN.UTF-8", true, "vi"}, {"en", true, "en"},
        {"en_US.UTF-8", true, "en"}, {"fr", false, "en"}, {"", false, "en"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        i18n_set_lang("en");
        ck_assert_int_eq(i18n_set_lang(cases[i].name), cases[i].ok);
        ck_assert_str_eq(i18n_lang(), cases[i].lang);
    }
    i18n_set_lang("en");
}
END_TEST

START_TEST(test_embedded_vi_po_parses)
{
    const struct embedded_file *po = embed_find("po/vi.po");
    ck_assert_ptr_nonnull(po);
    ck_assert_int_ge(i18n_load_po(po->data), 0);
    i18n_set_lang("en");
}
END_TEST

/* ---- printf placeholders in po/vi.po: read the file independently --- */

/* Appends the quoted strings starting at *p (the keyword's and its
 * continuation lines) to out, raw (escapes kept); advances *p. */
static void po_collect(const char **p, char *out, size_t outsz)
{
    const char *s = *p;
    size_t n = strlen(out);
    for (;;) {
        const char *q = strchr(s, '"');
        const char *eol = strchr(s, '\n');
        if (!q || (eol && q > eol))
            break;
        for (q++; *q && *q != '"' && *q != '\n'; q++) {
            if (*q == '\\' && q[1])
                q++;
            if (n + 1 < outsz)
                out[n++] = *q;
        }
        out[n] = '\0';
        s = eol ? eol + 1 : q + strlen(q);
        if (*s != '"')
            break;
    }
    *p = s;
}

/* The conversions of a printf format, e.g. "%s%d%zu" → "sdzu". */
static void conversions(const char *fmt, char *out, size_t outsz)
{
    size_t n = 0;
    for (const char *c = fmt; *c; c++) {
        if (*c != '%')
            continue;
        c++;
        if (*c == '%')
            continue;
        while (*c && strchr("-+ #0123456789.*", *c))
            c++;
        while (*c && strchr("hlLqjzt", *c) && n + 1 < outsz)
            out[n++] = *c++;
        if (*c && n + 1 < outsz)
            out[n++] = *c;
        if (!*c)
            break;
    }
    out[n] = '\0';
}

START_TEST(test_embedded_vi_po_placeholders)
{
    const struct embedded_file *po = embed_find("po/vi.po");
    ck_assert_ptr_nonnull(po);
    const char *p = po->data;
    int entries = 0;
    while ((p = strstr(p, "\nmsgid \""))) {
        static char id[8192], str[8192];
        id[0] = str[0] = '\0';
        p += 7;
        po_collect(&p, id, sizeof id);
        ck_assert_msg(strncmp(p, "msgstr \"", 8) == 0, "no msgstr after msgid \"%s\"", id);
        p += 7;
        po_collect(&p, str, sizeof str);
        if (!id[0] || !str[0])
            continue;
        char a[64], b[64];
        conversions(id, a, sizeof a);
        conversions(str, b, sizeof b);
        ck_assert_msg(strcmp(a, b) == 0, "placeholders differ:\n  msgid  \"%s\"\n  msgstr \"%s\"",
                      id, str);
        entries++;
    }
    ck_assert_int_eq(entries, i18n_load_po(po->data));
    i18n_set_lang("en");
}
END_TEST

Suite *suite_i18n(void)
{
    return test_suite((struct test_spec){"i18n", "po", NULL, teardown,
                       .tests = TEST_LIST(test_load_po_counts, test_empty_msgid_untouched,
                                          test_later_load_replaces, test_plural_entry_skipped, test_set_lang,
                                          test_embedded_vi_po_parses, test_embedded_vi_po_placeholders),
                       .loops = LOOP_LIST({test_lookup_vi, 0, (int)NSAMPLE}, {test_lookup_en, 0, (int)NSAMPLE},
                                          {test_load_po_syntax_error, 0, (int)NBAD})}, NULL);
}
