#!/bin/sh
# Builds the page (sh www/build.sh) and serves www/dist on http://127.0.0.1:8080
# (PORT=... to change; DIR=www to serve the unbundled sources) as a well-set
# static host does: the .br or .gz copy with Content-Encoding (www/serve.py).
# Stop with Ctrl-C.
set -eu
cd "$(dirname "$0")/.."
sh www/build.sh
port=${PORT:-8080}
dir=${DIR:-www/dist}
exec python3 www/serve.py --port "$port" --dir "$dir"
