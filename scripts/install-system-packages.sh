#!/usr/bin/env bash
# Installs the Debian packages form4 needs, only when they are missing:
#   tesseract-ocr  - the OCR engine behind pytesseract (scanned pages)
#   poppler-utils  - pdftoppm/pdftotext, used by the benchmarks to look at rendered pages
#   chromium, chromium-driver - the benchmarks print EDGAR's HTML views to PDF with chromium;
#                  the review web app is tested in headless chromium through its driver
#   libgl1, libglib2.0-0 - what OpenCV's wheel (opencv-python, which the second OCR engine,
#                  rapidocr-onnxruntime, requires) loads at import
set -euo pipefail
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
ldconfig -p | grep -q 'libGL.so.1 ' || missing+=(libgl1)
ldconfig -p | grep -q 'libglib-2.0.so.0 ' || missing+=(libglib2.0-0)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
