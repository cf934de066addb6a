#!/bin/sh
# regen.sh - regenerates the lint output goldens; review the diff.
cd "$(dirname "$0")" || exit 1
for fmt in text gcc json sarif; do ../../buckle lint -q --format "$fmt" lint-input.buckle lint-input.sb >lint.$fmt 2>&1; done
