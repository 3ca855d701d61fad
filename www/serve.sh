#!/bin/sh
# Builds the release engine and serves www/ on http://127.0.0.1:8080
# (PORT=... to change). Stop with Ctrl-C.
set -eu
cd "$(dirname "$0")/.."
sh www/build.sh
port=${PORT:-8080}
echo "Serving www/ on http://127.0.0.1:$port/"
exec python3 -m http.server --bind 127.0.0.1 "$port" --directory www
