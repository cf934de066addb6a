/* param_marks.h - how a parameter reference is kept inside a string.
 * A value that still names parameters is a template: each reference is
 * PARAM_OPEN NAME PARAM_CLOSE.  Control characters can never appear in a
 * valid path or name, so the markers are unambiguous. */
#ifndef BUCKLE_PARAM_MARKS_H
#define BUCKLE_PARAM_MARKS_H
#define PARAM_OPEN  '\x01'
#define PARAM_CLOSE '\x02'
#endif
