/* case_place — where a case happened, as the reports count it (Thông tư
 * 13/2021 splits abuse by place: family, school, community, online), read
 * from the free text of the intake's "where it happened" (Mẫu 01) by folded
 * key words. Text that names none of them is "other"; no text is "not
 * recorded". Pure. */
#ifndef TREEM_MODEL_CASE_PLACE_H
#define TREEM_MODEL_CASE_PLACE_H

enum case_place {
    CASE_PLACE_FAMILY,      /* gia đình, nhà … */
    CASE_PLACE_SCHOOL,      /* trường, lớp … */
    CASE_PLACE_COMMUNITY,   /* thôn, xóm, đường, chợ, sông, ao … */
    CASE_PLACE_ONLINE,      /* mạng xã hội, internet, Facebook, Zalo … */
    CASE_PLACE_OTHER,       /* text that names none of these */
    CASE_PLACE_UNKNOWN,     /* no text */
    CASE_PLACE__COUNT
};

/* The place of text (NULL or "" → CASE_PLACE_UNKNOWN). Online words win
 * over school, school over family, family over community ("nhà văn hóa
 * thôn" is community: checked before family). */
enum case_place case_place_of(const char *text);

/* The English msgid of the place (show with _()). */
const char *case_place_label(enum case_place p);

#endif
