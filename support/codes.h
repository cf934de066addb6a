/* codes.h - the diagnostic codes as symbols: a diagnostic names its code as
 * BK2005, never as a string, so that a mistyped code does not compile.  Each
 * has its row (slug, severity, texts) in the rule catalogue,
 * lint/rules_table.c; tests/cli/codes.sh checks that the two lists are the
 * same and that every code has a test that produces it. */
#ifndef BUCKLE_CODES_H
#define BUCKLE_CODES_H

#define BK0001 "BK0001"   /* unused-suppression */
#define BK0002 "BK0002"   /* suppression-without-reason */
#define BK0003 "BK0003"   /* unknown-rule-id */
#define BK1001 "BK1001"   /* syntax */
#define BK2001 "BK2001"   /* unknown-variable */
#define BK2002 "BK2002"   /* extends-cycle */
#define BK2003 "BK2003"   /* extends-not-found */
#define BK2004 "BK2004"   /* remove-unmatched */
#define BK2005 "BK2005"   /* final-violated */
#define BK2006 "BK2006"   /* unknown-operation */
#define BK2007 "BK2007"   /* invalid-pattern */
#define BK2008 "BK2008"   /* bad-path */
#define BK2009 "BK2009"   /* shadowed-rule */
#define BK2010 "BK2010"   /* deny-wins-tie */
#define BK2011 "BK2011"   /* unfilterable-host */
#define BK2012 "BK2012"   /* write-only-subtree */
#define BK2013 "BK2013"   /* param-without-value */
#define BK2014 "BK2014"   /* duplicate-param */
#define BK2015 "BK2015"   /* literal-star-name */
#define BK2016 "BK2016"   /* empty-profile */
#define BK2017 "BK2017"   /* remove-drops-several */
#define BK3001 "BK3001"   /* profile-dir-writable */
#define BK3002 "BK3002"   /* dangerous-mach-service */
#define BK3003 "BK3003"   /* broad-write */
#define BK3004 "BK3004"   /* protected-file-writable */
#define BK3005 "BK3005"   /* default-allow */
#define BK3006 "BK3006"   /* escape-operation */
#define BK3007 "BK3007"   /* unfiltered-sensitive */
#define BK3008 "BK3008"   /* keychain-exposed */
#define BK4001 "BK4001"   /* keychain-missing-secd */
#define BK4002 "BK4002"   /* keychain-missing-sentinel */
#define BK4003 "BK4003"   /* keychain-db-without-services */
#define BK4004 "BK4004"   /* unix-socket-needs-network */
#define BK4005 "BK4005"   /* precedence-dependent */
#define BK4006 "BK4006"   /* unresolved-alias */
#define BK4007 "BK4007"   /* string-too-long */
#define BK4008 "BK4008"   /* root-unreadable */
#define BK4009 "BK4009"   /* missing-traversal */
#define BK4010 "BK4010"   /* default-deny-leaks */
#define BK4012 "BK4012"   /* no-process-exec */
#define BK4011 "BK4011"   /* missing-version */
#define BK4013 "BK4013"   /* verbatim-sbpl */
#define BK4014 "BK4014"   /* undecidable-sbpl */

#endif
