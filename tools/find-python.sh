#!/usr/bin/env bash
# Prints the path of a Python interpreter of the wanted version (e.g. 3.13), or explains
# in one sentence what to install.
set -euo pipefail
want="$1"
for candidate in "python$want" "$HOME/.pyenv/versions/$want"*/bin/python "/usr/bin/python$want"; do
  path=$(command -v "$candidate" 2>/dev/null || true)
  if [ -n "$path" ] && "$path" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$want' else 1)" 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
echo "Python $want ontbreekt: installeer Python $want (bijvoorbeeld 'pyenv install $want' of 'apt-get install python$want')." >&2
exit 1
