#!/usr/bin/env bash
# Lighthouse (12.x, with the system Chromium) against a production-like server of the home page:
# DEBUG off, collected static files, granian, a throwaway SQLite site seeded with the demo content.
# Prints the four scores for mobile (Lighthouse's default) and desktop.
#
#   bash benchmarks/lighthouse.sh              # the Dutch home page
#   PAGES="/nl/ /ar/ /nl/stories/helen/" bash benchmarks/lighthouse.sh
#
# Lighthouse is installed with npm into ./node_modules (git-ignored); nothing else is written
# outside a temporary folder. Everything runs on 127.0.0.1; the server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-.venv/bin/python}
BIN=$(dirname "$PY")
PORT=${PORT:-18621}
PAGES=${PAGES:-/nl/}
LIGHTHOUSE=node_modules/.bin/lighthouse
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if [ ! -x "$LIGHTHOUSE" ]; then
  echo "== installing lighthouse@^12.8 into ./node_modules"
  npm install --no-save --no-package-lock --no-audit --no-fund --silent "lighthouse@^12.8"
fi
if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then
  echo "port $PORT on 127.0.0.1 is in use" >&2
  exit 1
fi

WORK=$(mktemp -d /tmp/gezinsmuur-lighthouse.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export VAR_DIR="$WORK/var" LOG_LEVEL=WARNING BASE_URL="http://127.0.0.1:$PORT"
unset DATABASE_URL REDIS_URL TASKS_IMMEDIATE
echo "== site in $WORK"
DEBUG=1 "$PY" manage.py migrate --no-input >/dev/null
DEBUG=1 "$PY" manage.py seed_demo >/dev/null  # demo tiles through the real pipeline, partners
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0
SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(40))")
export SECRET_KEY
"$PY" manage.py collectstatic --no-input >/dev/null  # into ./staticfiles, as benchmarks/wall.sh does

setsid "$BIN/granian" --interface wsgi --host 127.0.0.1 --port "$PORT" --no-ws --workers 2 \
  --log-level warning gezinsmuur.wsgi:application >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/nl/" && break
  sleep 0.25
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/nl/" || { cat "$WORK/server.log" >&2; exit 1; }

FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
echo
echo "| page | form factor | performance | accessibility | best practices | SEO |"
echo "|---|---|---:|---:|---:|---:|"
for path in $PAGES; do
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    out="$WORK/report-$form.json"
    "$LIGHTHOUSE" "http://127.0.0.1:$PORT$path" "${preset[@]}" --quiet --output=json \
      --output-path="$out" --chrome-flags="$FLAGS" --only-categories=performance,accessibility,best-practices,seo \
      >/dev/null 2>"$WORK/lighthouse.log" || { cat "$WORK/lighthouse.log" >&2; exit 1; }
    node -e '
      const r = require(process.argv[1]); const c = r.categories;
      const s = k => c[k].score === null ? "n/a" : Math.round(c[k].score * 100);
      console.log(`| ${process.argv[2]} | ${process.argv[3]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
      for (const [k, cat] of Object.entries(c)) for (const ref of cat.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.error(`   ${k}: ${a.id} (${a.score}) ${a.title}`);
      }' "$out" "$path" "$form"
  done
done
