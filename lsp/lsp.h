/* lsp.h - `buckle lsp`: a Language Server Protocol server over a pair of
 * file descriptors (stdio).  JSON-RPC 2.0 with Content-Length framing,
 * parsed and written with jansson.  Everything lives in one lsp_server;
 * nothing is global. */
#ifndef BUCKLE_LSP_H
#define BUCKLE_LSP_H
#include "../compiler/compile.h"
#include <stddef.h>

/* A message larger than this is refused with an error response (its body
 * is read and dropped); documents are therefore at most this large. */
#define LSP_MAX_MESSAGE (8u << 20)

typedef struct lsp_config {
    const char *std_dirs[STD_DIRS_MAX];        /* standard library roots, NULL-terminated */
    const char *buckle_path;        /* $BUCKLE_PATH, or NULL */
    const char *const *include_dirs;
    size_t ninclude;
    const char *version;
} lsp_config;

/* Serves requests read from in_fd, answers on out_fd, until "exit" or the
 * end of input.  Returns 0 after shutdown and exit, 1 otherwise (the
 * protocol's exit code). */
int lsp_serve(const lsp_config *cfg, int in_fd, int out_fd);
#endif
