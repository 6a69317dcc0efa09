#!/usr/bin/env bash
# Rebuilds src/HiTech.Web/wwwroot/lib/govuk-frontend/govuk-frontend.css from GOV.UK Frontend (MIT) with the
# platform's own fonts. Run after changing hitech.scss or upgrading govuk-frontend; commit the output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund govuk-frontend@6.6.0 sass@1 >/dev/null
cp "$here/hitech.scss" .
npx sass --pkg-importer=node --style=compressed --no-source-map --quiet-deps hitech.scss out.css
cp out.css "$here/../../src/HiTech.Web/wwwroot/lib/govuk-frontend/govuk-frontend.css"
rm -rf "$work"
