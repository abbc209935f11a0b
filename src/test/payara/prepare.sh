#!/usr/bin/env bash
# Applies the portal's asadmin script to the Payara Server unpacked under target/, as an operator would:
# start the domain, run the script, stop it. Run once per unpacked server (a marker file says it is done).
set -euo pipefail
home=$1 script=$2
[ -f "$home/.portal-configured" ] && exit 0
"$home/bin/asadmin" start-domain domain1 > /dev/null
trap '"$home/bin/asadmin" stop-domain domain1 > /dev/null' EXIT
"$home/bin/asadmin" multimode --file "$script"
touch "$home/.portal-configured"
