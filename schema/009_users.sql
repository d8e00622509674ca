-- 009_users: the people who sign in, their roles and villages (issue 14).
-- A database without accounts works as before (one user, the setting
-- "role"); once an account exists every use needs a sign-in.
-- Numbers 007-009 may be taken by other work merged later.

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,   -- lower-case letters, digits, '.', '_', '-'
    role          TEXT NOT NULL CHECK (role IN ('officer', 'collaborator', 'viewer')),
    pass_hash     TEXT NOT NULL,          -- libsodium crypto_pwhash_str (Argon2id)
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed        INTEGER NOT NULL DEFAULT 0, -- wrong passwords in a row
    locked_until  TEXT,                   -- "yyyy-mm-dd hh:mm:ss" after 5 wrong tries, else NULL
    recovery_hash TEXT,                   -- crypto_pwhash_str of the one-time recovery code, NULL once used
    created_at    TEXT NOT NULL           -- "yyyy-mm-dd hh:mm"
) STRICT;

CREATE TABLE app_user_village (       -- the villages a collaborator works in
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    village_id INTEGER NOT NULL REFERENCES village(id),
    PRIMARY KEY (user_id, village_id)
) STRICT;

-- who recorded the case (login; '' before accounts): a collaborator sees
-- and edits only their own case reports
ALTER TABLE case_file ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
