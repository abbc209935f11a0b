#!/usr/bin/env bash
# Prepares a Payara Server unpacked under target/ as an operator would (docs/operations.md): start the domain, apply
# each step in turn, stop it. A step is an asadmin script (run with multimode), a jar (a JDBC driver) or a
# folder of jars (Hibernate ORM), added to the domain's libraries with add-library, or a PEM certificate the
# domain's JVM is to trust (the tests' stand-in for Tencent Cloud). Runs once per unpacked
# server: a marker file says it is done.
#
#   prepare.sh PAYARA_HOME STEP...
set -euo pipefail
home=$1
shift
[ -f "$home/.portal-configured" ] && exit 0
"$home/bin/asadmin" start-domain domain1 > /dev/null
trap '"$home/bin/asadmin" stop-domain domain1 > /dev/null' EXIT
for step in "$@"; do
    case "$step" in
    *.jar) "$home/bin/asadmin" add-library "$step" ;;
    *.asadmin) "$home/bin/asadmin" multimode --file "$step" ;;
    *.pem) keytool -importcert -noprompt -alias "$(basename "$step" .pem)" -file "$step" \
        -keystore "$home/glassfish/domains/domain1/config/cacerts.p12" -storepass changeit ;;
    *) "$home/bin/asadmin" add-library "$step"/*.jar ;;
    esac
done
touch "$home/.portal-configured"
