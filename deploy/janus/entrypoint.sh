#!/bin/sh
# Fills the @NAME@ placeholders of apps/server/janus/*.jcfg (the same templates the server uses for a
# managed Janus) from the environment, then runs Janus in the foreground. Its WebSocket API listens on
# JANUS_WS_IP (default: Docker's bridge address, where the server containers reach the host).
set -eu
conf=${JANUS_CONFIG_DIR:-/etc/janus-otc}
templates=${JANUS_TEMPLATES:-/etc/otc-janus/templates}
mkdir -p "$conf"
lib=/usr/lib/x86_64-linux-gnu/janus
[ -d "$lib" ] || lib=/usr/lib/janus
# Janus announces the public address, and relays through coturn for people behind strict firewalls.
# coturn checks TURN REST credentials (use-auth-secret): "<expiry>:janus" and base64(HMAC-SHA1(TURN_SECRET,
# that name)), the scheme the server uses for browsers; ten years, recomputed at every start.
turn_user="$(( $(date +%s) + 315360000 )):janus"
turn_pwd=$(printf %s "$turn_user" | openssl dgst -sha1 -hmac "$TURN_SECRET" -binary | openssl base64 -A)
nat="nat_1_1_mapping = \"${PUBLIC_IP}\"
	turn_server = \"${TURN_HOST}\"
	turn_port = 3478
	turn_type = \"udp\"
	turn_user = \"${turn_user}\"
	turn_pwd = \"${turn_pwd}\""
for t in "$templates"/*.jcfg; do
  NAT="$nat" awk -v folder="$conf" -v lib="$lib" -v secret="$JANUS_API_SECRET" -v admin="$JANUS_ADMIN_KEY" \
    -v ports="${JANUS_RTP_PORTS:-20000-20999}" -v ws="${JANUS_WS_PORT:-8188}" -v wsip="${JANUS_WS_IP:-172.17.0.1}" '
    { gsub(/@CONFIGS_FOLDER@/, folder); gsub(/@LIB_FOLDER@/, lib); gsub(/@API_SECRET@/, secret);
      gsub(/@ADMIN_KEY@/, admin); gsub(/@RTP_PORT_RANGE@/, ports); gsub(/@WS_PORT@/, ws);
      sub(/ws_ip = "127\.0\.0\.1"/, "ws_ip = \"" wsip "\"");
      if ($0 ~ /@ICE_LIST_LINE@/) { print ENVIRON["NAT"]; next } print }' "$t" > "$conf/$(basename "$t")"
done
exec janus -C "$conf/janus.jcfg" -F "$conf"
