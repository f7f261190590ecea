#!/usr/bin/env bash
# Installs the Debian packages form4 needs, only when they are missing:
#   tesseract-ocr  - the OCR engine behind pytesseract (scanned pages)
#   poppler-utils  - pdftoppm/pdftotext, used by the benchmarks to look at rendered pages
set -euo pipefail
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
