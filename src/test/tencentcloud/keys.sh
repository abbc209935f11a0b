#!/usr/bin/env bash
# Makes the tests' stand-in for Tencent Cloud's API (reached as the servers' proxy, under Tencent's names) its own TLS key, once per build, and a trust store holding
# only its certificate for the servers under test (WildFly's JVM reads it; Payara's domain imports the PEM).
#
#   keys.sh DIR      -> DIR/server.p12 (key and certificate), DIR/cloud.pem, DIR/trust.p12
set -euo pipefail
dir=$1
pass=test-cloud-keystore
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
[ -f "$dir/trust.p12" ] && exit 0
mkdir -p "$dir"
rm -f "$dir/server.p12" "$dir/cloud.pem" "$dir/trust.p12"
"$keytool" -genkeypair -keystore "$dir/server.p12" -storetype PKCS12 -storepass "$pass" -alias cloud \
    -keyalg EC -groupname secp256r1 -validity 30 -dname "CN=trtc.tencentcloudapi.com" \
    -ext "SAN=dns:trtc.tencentcloudapi.com,dns:trtc.ap-guangzhou.tencentcloudapi.com" 2>/dev/null
"$keytool" -exportcert -keystore "$dir/server.p12" -storepass "$pass" -alias cloud -rfc -file "$dir/cloud.pem" 2>/dev/null
"$keytool" -importcert -noprompt -keystore "$dir/trust.p12" -storetype PKCS12 -storepass "$pass" -alias cloud \
    -file "$dir/cloud.pem" 2>/dev/null
