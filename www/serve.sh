#!/bin/sh
# Builds the page (sh www/build.sh) and serves www/dist on http://127.0.0.1:8080
# (PORT=... to change; DIR=www to serve the unbundled sources). Stop with Ctrl-C.
set -eu
cd "$(dirname "$0")/.."
sh www/build.sh
port=${PORT:-8080}
dir=${DIR:-www/dist}
echo "Serving $dir/ on http://127.0.0.1:$port/"
exec python3 -m http.server --bind 127.0.0.1 "$port" --directory "$dir"
