/* scr_signin — signing in when the database has accounts (app/auth.h):
 * at start (login and password; then the home screen), and the idle lock
 * (the same person's password; then back where they were). Nothing behind
 * it can be reached: every key but F10 stays here. */
#include <config.h>
#include "treem/tui/screens.h"
#include "treem/tui/form.h"
#include "treem/app/auth.h"
#include "treem/core/i18n.h"

#include <stdio.h>
#include <string.h>

enum { S_LOGIN, S_PASS, S__COUNT };

static const struct form_def signin_fields[S__COUNT] = {
    {N_("Login"), FK_TEXT, USER_LOGIN_MAX, NULL, NULL},
    {N_("Password"), FK_SECRET, 200, NULL, NULL},
};

/* F5 at the sign-in: a forgotten password and the officer's recovery code. */
enum { R_LOGIN, R_CODE, R_PASS, R__COUNT };
static const struct form_def recover_fields[R__COUNT] = {
    {N_("Login"), FK_TEXT, USER_LOGIN_MAX, NULL, NULL},
    {N_("Recovery code"), FK_TEXT, 32, NULL, N_("XXXX-XXXX-XXXX-XXXX")},
    {N_("New password"), FK_SECRET, 200, NULL, N_("at least 8 characters")},
};

struct signin_state {
    bool lock;                 /* the idle lock: only the password */
    bool recover;              /* F5: the recovery form */
    struct form form;
    bool ready;
    char message[256];
};

static void signin_enter(struct screen *s)
{
    struct signin_state *st = s->state;
    st->lock = s->arg != NULL;
    st->ready = form_init(&st->form, st->lock ? signin_fields + S_PASS : signin_fields,
                          st->lock ? 1 : S__COUNT);
}

static void signin_leave(struct screen *s)
{
    struct signin_state *st = s->state;
    if (st->ready)
        form_free(&st->form);
    st->ready = false;
}

static void signin_draw(struct screen *s, WINDOW *w, int rows, int cols)
{
    struct signin_state *st = s->state;
    char line[256];
    ui_attr(w, UC_TITLE, true);
    if (st->lock && auth_current())
        snprintf(line, sizeof line, _("Locked after a while without use. %s, type your password, Enter."),
                 auth_current()->login);
    else if (st->recover)
        snprintf(line, sizeof line, "%s", _("Forgotten password: the officer's recovery code sets a new one, Enter."));
    else
        snprintf(line, sizeof line, "%s", _("Sign in: your login and password, Enter. F10 quits."));
    ui_print(w, 0, 2, cols - 4, line);
    ui_attr(w, UC_TITLE, false);
    if (st->ready)
        form_draw(w, &st->form, 2, 2, rows - 5, cols - 4);
    if (st->message[0]) {
        ui_print_in(w, UC_ERROR, 3 + (int)st->form.n, 2, cols - 4, st->message);
    }
    if (!st->lock && !st->recover) {
        ui_print_in(w, UC_DIM, 5 + (int)st->form.n, 2, cols - 4, _("Forgot the password? F5: the officer's recovery code."));
    }
}

/* Switches between the sign-in and the recovery forms. */
static void set_mode(struct signin_state *st, bool recover)
{
    if (st->ready)
        form_free(&st->form);
    st->recover = recover;
    st->message[0] = '\0';
    st->ready = form_init(&st->form, recover ? recover_fields : signin_fields, recover ? R__COUNT : S__COUNT);
}

/* The recovery form: a new password, then signed in; the new recovery code
 * is shown once. */
static enum screen_result submit_recover(struct screen *s)
{
    struct signin_state *st = s->state;
    struct ui *ui = s->ui;
    char code[AUTH_RECOVERY_BUF], login[USER_LOGIN_MAX + 1];
    snprintf(login, sizeof login, "%s", form_value(&st->form, R_LOGIN));
    enum status rc = auth_recover(ui->db, login, form_value(&st->form, R_CODE), form_value(&st->form, R_PASS), code);
    if (rc == ST_OK)
        rc = auth_sign_in(ui->db, login, form_value(&st->form, R_PASS));
    if (rc != ST_OK) {
        snprintf(st->message, sizeof st->message, "%s", status_message());
        return SR_HANDLED;
    }
    ui_refresh_title(ui);
    ui_goto_tab(ui, 0); /* frees this screen */
    char text[512];
    snprintf(text, sizeof text,
             _("Your recovery code is %s. Write it down and keep it safe: it is shown only now, and "
               "resets a forgotten password (treem user recover)."), code);
    ui_message(ui, _("Recovery code"), text);
    ui_status(ui, false, _("Signed in as %s."), login);
    return SR_HANDLED;
}

/* Checks what was typed; on success leaves the screen (the caller must not
 * touch s afterwards). */
static enum screen_result submit(struct screen *s)
{
    struct signin_state *st = s->state;
    struct ui *ui = s->ui;
    if (st->recover)
        return submit_recover(s);
    enum status rc = st->lock ? auth_unlock(ui->db, form_value(&st->form, 0))
                              : auth_sign_in(ui->db, form_value(&st->form, S_LOGIN), form_value(&st->form, S_PASS));
    if (rc != ST_OK) {
        snprintf(st->message, sizeof st->message, "%s", status_message());
        form_set(&st->form, st->lock ? 0 : S_PASS, "");
        return SR_HANDLED;
    }
    if (st->lock)
        return SR_POP;
    ui_refresh_title(ui);
    ui_goto_tab(ui, 0); /* frees this screen */
    ui_status(ui, false, _("Signed in as %s."), auth_current()->login);
    return SR_HANDLED;
}

static enum screen_result signin_action(struct screen *s, enum action a, int digit)
{
    struct signin_state *st = s->state;
    (void)digit;
    if (a == ACT_QUIT)
        return SR_QUIT;
    if (!st->ready)
        return SR_HANDLED;
    if (!st->lock && (a == ACT_FILTER || (a == ACT_BACK && st->recover))) {
        set_mode(st, a == ACT_FILTER);
        return SR_HANDLED;
    }
    if (a == ACT_SAVE || (a == ACT_OPEN && st->form.focus + 1 == st->form.n))
        return submit(s);
    if (a == ACT_OPEN)
        a = ACT_NEXT_FIELD;
    st->message[0] = '\0';
    form_handle(&st->form, a);
    return SR_HANDLED; /* nothing behind the sign-in is reachable */
}

static enum screen_result signin_text(struct screen *s, const char *utf8)
{
    struct signin_state *st = s->state;
    st->message[0] = '\0';
    if (st->ready)
        form_text(&st->form, utf8);
    return SR_HANDLED;
}


static const enum action signin_actions[] = {ACT_SAVE, ACT_OPEN, ACT_NEXT_FIELD, ACT_FILTER};
static const struct key_words signin_words[] = {
    {ACT_SAVE, N_("Sign in"), N_("sign in with the login and password typed")},
    {ACT_OPEN, N_("Next"), N_("the next field; on the last one, sign in")},
    {ACT_FILTER, N_("Recovery"), N_("an officer who forgot the password: use the recovery code")},
};

const struct screen_ops scr_signin_ops = {
    .title = N_("Sign in"),
    SCREEN_ACTIONS(signin_actions),
    SCREEN_WORDS(signin_words),
    .state_size = sizeof(struct signin_state),
    .enter = signin_enter,
    .leave = signin_leave,
    .draw = signin_draw,
    .on_action = signin_action,
    .on_text = signin_text,
    .text_mode = screen_takes_text,
};
