/* request.h - what a sandbox is asked: an operation on an object (a path, a
 * name in one of Seatbelt's namespaces, an address or a process target), and
 * the NAME=VALUE parameters a profile is evaluated with.  Shared by the
 * profile model (compiler/decide.h) and the SBPL evaluator (sbpl/). */
#ifndef BUCKLE_REQUEST_H
#define BUCKLE_REQUEST_H
#include "../support/action.h"
#include "ops.h"
#include <stddef.h>

/* Name namespaces of Seatbelt's name filters. */
typedef enum {
    SNS_GLOBAL, SNS_LOCAL, SNS_XPC, SNS_SYSCTL, SNS_IPC, SNS_IOKIT, SNS_PREF, SNS_NOTIF, SNS_OTHER
} sf_ns;

typedef struct sb_param { const char *name, *value; } sb_param;

typedef enum { OBJ_PATH, OBJ_NAME, OBJ_IP, OBJ_TARGET } obj_kind;

typedef struct sb_request {
    int op;                     /* a concrete operation */
    const char *obj;
    size_t len;
    obj_kind kind;
    sf_ns ns;                   /* for OBJ_NAME */
    const char *vnode;          /* vnode type, or NULL when unknown */
} sb_request;

/* 1 when two port spellings name the same port: both "*", or the same number
 * ("080" is 80, as Seatbelt reads it). */
int ip_port_equal(const char *a, size_t al, const char *b, size_t bl);
/* The length of the host part of an address "HOST:PORT" (up to its last
 * ':', so "[::1]:80" has the host "[::1]"); len when there is no ':'. */
size_t ip_host_len(const char *obj, size_t len);
/* What a request's host is to a filter's "localhost", which matches the
 * loopback interface (the kernel sees addresses, never the name): LOCAL for
 * "localhost" in any case (also "localhost."), an IPv4 address in
 * 127.0.0.0/8 in any spelling the C library's parser takes ("127.1",
 * "0x7f000001"), ::1 and ::ffff:127.x.y.z in any IPv6 spelling (bracketed
 * or not, with a scope or not: "::1%lo0"); UNKNOWN for the IPv4-compatible
 * ::127.x.y.z, another scoped IPv6 address and a name below localhost
 * ("a.localhost"); OTHER for the rest. */
enum { IP_HOST_OTHER, IP_HOST_LOCAL, IP_HOST_UNKNOWN };
int ip_host_kind(const char *h, size_t n);
int ip_host_is_local(const char *h, size_t n);
/* NULL, or why a request "HOST:PORT" cannot be answered (to follow the
 * object in a usage error): no host or no port, an unbalanced [ ], a port
 * outside 1-65535 (or "*") or written with a leading zero, a host written
 * as an IPv4 address that is none ("127.0.0.08"), a host whose loopback
 * status is not known. */
const char *ip_request_check(const char *obj, size_t len);
/* 1 when a filter's host ("*", "localhost") matches a request's host: "*"
 * every host, "localhost" the loopback ones (ip_host_is_local), anything
 * else the same text; a request for the host "*" only the filter "*". */
int ip_host_matches(const char *fh, size_t fl, const char *qh, size_t ql);
/* The process targets (signal, process-info*): the i-th, NULL past them. */
const char *sb_target_at(size_t i);
/* 1 when a filter's target matches a request's: the same target, or one
 * that certainly holds it.  A process is in its own sandbox and its own
 * process group (the request "self" is also same-sandbox and pgrp), and a
 * sandbox is inherited (the request "children" is also same-sandbox).  What
 * else overlaps is not known: rules of other targets are carved from each
 * other (matcher_relation says "unknown"), never read as disjoint. */
int sb_target_matches(const char *ft, size_t fl, const char *qt, size_t ql);
/* 1 when two filters' targets certainly share a request: both match one
 * (pgrp and same-sandbox both match self). */
int sb_targets_meet(const char *a, size_t al, const char *b, size_t bl);
/* The file types a (vnode-type T) filter and a request name: the i-th
 * ("REGULAR-FILE", "DIRECTORY", "SYMLINK", ...), NULL past them. */
const char *sb_vnode_type_at(size_t i);
/* The type named s in any case, as sb_vnode_type_at spells it, or NULL. */
const char *sb_vnode_type_named(const char *s);
#endif
