#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts mailpost-sim over TLS on 127.0.0.2:443 and runs OVH's Node.js client against it (TAP).
# Needs $MAILPOST_SIM, $MAILPOST_SEEDS, $MAILPOST_TEST_CERT/KEY (meson's test environment), node,
# and node_modules from "npm ci" (build-aux/dev does that); without node_modules it skips (77).
set -u

here=$(cd "$(dirname "$0")" && pwd)
seed="$MAILPOST_SEEDS/test-basic.json"

if [ ! -d "$here/node_modules/ovh" ]; then
  echo "1..0 # SKIP node_modules missing: run 'npm ci' in tests/external"
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "Bail out! node is not installed"
  exit 1
fi

out=$(mktemp)
sim=
trap 'if [ -n "$sim" ]; then kill -TERM $sim 2>/dev/null; wait $sim 2>/dev/null; fi; rm -f "$out"' EXIT INT TERM

# Port 443 is shared by every build directory on the machine: when another run holds it,
# wait for it rather than fail.
attempt=0
while :; do
  "$MAILPOST_SIM" --listen 127.0.0.2:443 --seed "$seed" \
    --tls-cert "$MAILPOST_TEST_CERT" --tls-key "$MAILPOST_TEST_KEY" >"$out" &
  sim=$!
  # The first line on stdout means the simulator accepts connections.
  i=0
  while [ ! -s "$out" ] && kill -0 $sim 2>/dev/null && [ $i -lt 100 ]; do
    i=$((i + 1))
    sleep 0.1
  done
  [ -s "$out" ] && break
  kill -TERM $sim 2>/dev/null
  wait $sim 2>/dev/null
  sim=
  attempt=$((attempt + 1))
  if [ $attempt -ge 30 ]; then
    echo "Bail out! mailpost-sim did not start on 127.0.0.2:443 (port taken, or not root?)"
    exit 1
  fi
  sleep 0.5
done

cd "$here" || exit 1
NODE_EXTRA_CA_CERTS="$MAILPOST_TEST_CERT" node check-ovh-client.mjs "$seed"
