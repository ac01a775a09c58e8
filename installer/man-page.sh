#!/bin/sh
# man-page.sh WAYMARK OUT: writes the waymark(1) manual page from the program's own --help, so the
# page never says something the program does not: help2man for the synopsis and the command list,
# then each command's `waymark COMMAND --help` as a section of its own.
set -eu
waymark=$1
out=$2
details=$(mktemp)
trap 'rm -f "$details"' EXIT

{
    echo "[COMMANDS IN DETAIL]"
    "$waymark" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }' | while read -r name; do
        echo ".SS $name"
        echo ".nf"
        # roff: a backslash is \e, and a line starting with . or ' would be a request.
        "$waymark" "$name" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
        echo ".fi"
    done
    echo "[FILES]"
    echo ".TP"
    echo ".I /etc/waymark/waymark.ini"
    echo "the settings of the installed service (\\fBwaymark serve --check-config\\fR checks them)"
    echo ".TP"
    echo ".I /var/lib/waymark"
    echo "the data folder: the embedded database and what Waymark writes"
    echo ".TP"
    echo ".I /usr/lib/waymark/plugins"
    echo "the built-in plugins; more folders in \\fBWAYMARK_PLUGIN_PATH\\fR"
} >"$details"

help2man --no-info --section=1 --name="pupil-attainment tracking for English primary schools" \
    --include="$details" --output="$out" "$waymark"
