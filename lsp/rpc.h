/* rpc.h - JSON-RPC framing: Content-Length headers, bodies parsed by
 * jansson, size limits, and the error codes of the protocol. */
#ifndef BUCKLE_LSP_RPC_H
#define BUCKLE_LSP_RPC_H
#include <jansson.h>
#include <stddef.h>

enum {
    RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602, RPC_INTERNAL_ERROR = -32603, RPC_NOT_INITIALIZED = -32002,
    RPC_REQUEST_FAILED = -32803,
};

typedef struct rpc_io {
    int in, out;
    char *buf;                /* bytes read and not consumed yet: buf[pos, len) */
    size_t pos, len, cap;
    int eof;
    int out_failed;           /* a write failed (the client went away) */
} rpc_io;

void rpc_init(rpc_io *io, int in, int out);
void rpc_free(rpc_io *io);

typedef enum { RPC_MSG, RPC_BAD_FRAME, RPC_TOO_LARGE, RPC_BAD_JSON, RPC_EOF } rpc_status;

/* Reads one message.  RPC_MSG: *msg is the parsed body (the caller
 * json_decref()s it).  RPC_BAD_FRAME, RPC_TOO_LARGE, RPC_BAD_JSON: *why says
 * what was wrong (in why[256]); the frame was consumed and reading can go on. */
rpc_status rpc_read(rpc_io *io, json_t **msg, char *why, size_t whylen);

/* 1 when more input is already there (buffered, or readable at once). */
int rpc_pending(rpc_io *io);

/* Writes one message (steals the reference to msg).  0, or -1 when the
 * output is closed. */
int rpc_send(rpc_io *io, json_t *msg);
int rpc_result(rpc_io *io, json_t *id, json_t *result);     /* steals result */
int rpc_error(rpc_io *io, json_t *id, int code, const char *msg);
int rpc_notify(rpc_io *io, const char *method, json_t *params);   /* steals params */
#endif
