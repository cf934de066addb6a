/* filters.h - SBPL filter names (docs/sbpl.md; 10.15 filter table plus
 * the prelude's aliases and -prefix/-regex forms). */
#ifndef BUCKLE_FILTERS_H
#define BUCKLE_FILTERS_H
int filter_known(const char *name);
const char *filter_suggest(const char *name);
#endif
