#!/bin/sh
# po/update.sh — refresh po/treem.pot from the sources and merge it into
# po/vi.po (new msgids arrive untranslated; translate them, then rebuild).
# Run from the top of the source tree; needs gettext's xgettext/msgmerge.
set -eu
find src include -name '*.c' -o -name '*.h' | LC_ALL=C sort > po/POTFILES
xgettext --from-code=UTF-8 -k_ -kN_ -c/ --no-location --sort-output \
    --package-name=treem -o po/treem.pot -f po/POTFILES
msgmerge --quiet --update --backup=none --no-location --sort-output --no-fuzzy-matching po/vi.po po/treem.pot
rm -f po/POTFILES
msgfmt --check -o /dev/null po/vi.po
echo "untranslated: $(msgattrib --untranslated po/vi.po | grep -c '^msgid ' || true)"
