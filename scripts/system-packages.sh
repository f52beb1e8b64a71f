#!/usr/bin/env bash
# Install the Debian packages the product needs, only those that are missing.
#   scripts/system-packages.sh runtime   what WeasyPrint needs, and DejaVu fonts
#   scripts/system-packages.sh test      the above, plus Chromium, PostgreSQL, pdftotext,
#                                        and Redis (the several-servers test)
set -euo pipefail

runtime=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
test_only=(chromium postgresql poppler-utils redis-server)

case "${1:-runtime}" in
  runtime) wanted=("${runtime[@]}") ;;
  test) wanted=("${runtime[@]}" "${test_only[@]}") ;;
  *) echo "usage: $0 runtime|test" >&2; exit 2 ;;
esac

if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  wanted+=(python3-venv)
fi

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
