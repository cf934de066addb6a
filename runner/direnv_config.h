/* direnv_config.h - what direnv and the shell's dotenv plugins load
 * without looking at it (direnv_config.c). */
#ifndef BUCKLE_DIRENV_CONFIG_H
#define BUCKLE_DIRENV_CONFIG_H
#include "../backend/landlock.h"
#include "../support/arena.h"
#include <stddef.h>

/* direnv's configuration: what it trusts without an allow */
typedef struct direnv_conf {
    const char *file;             /* NULL: none */
    const char **prefix, **exact; /* [whitelist], ~ put in */
    size_t nprefix, nexact, capprefix, capexact;
    int load_dotenv;              /* [global] load_dotenv = true: .env as .envrc */
} direnv_conf;

/* $DIRENV_CONFIG, or $XDG_CONFIG_HOME/direnv, or home/.config/direnv:
 * direnv.toml, or config.toml; its paths with ~ put in and followed
 * (path_text.h).  In a. */
void runner_direnv_conf(arena *a, const char *home, direnv_conf *c);
/* Why the run is refused: the environment (DIRENV_CONFIG,
 * XDG_CONFIG_HOME, XDG_DATA_HOME) puts direnv's own files (direnvrc, lib/,
 * direnv.toml, the allow records) where the plan lets the command write
 * them; or direnv's configuration trusts every .envrc beneath a place
 * (whitelist prefix), one the command makes too, where the plan lets the
 * command make one; NULL when neither.  In a. */
const char *runner_direnv_problem(arena *a, const ll_plan *plan, const char *cwd, const char *home);
/* The .envrc files beneath cwd that direnv's allow records name
 * ($XDG_DATA_HOME/direnv/allow, or home/.local/share/direnv/allow: a file
 * per allow, holding the path it allows); how many in *n.  In a. */
const char **runner_direnv_allowed(arena *a, const char *home, const char *cwd, size_t *n);
/* The .env ($ZSH_DOTENV_FILE) of each directory oh-my-zsh's dotenv plugin
 * allows: it loads it at each cd there, whatever it says
 * ($ZSH_DOTENV_ALLOWED_LIST, or dotenv-allowed.list in $ZSH_CACHE_DIR,
 * $ZSH/cache or home/.oh-my-zsh/cache); how many in *n.  In a. */
const char **runner_zsh_dotenvs(arena *a, const char *home, size_t *n);
#endif
