/* linked_git.c - a working directory in a linked worktree (`git worktree
 * add`) or a submodule's checkout (linked_git.h): its .git is a file that
 * names the repository's directory elsewhere (the main checkout's
 * .git/worktrees/NAME, .git/modules/NAME), where git writes the index,
 * HEAD and the objects.  A profile that grants the working directory
 * does not grant that directory, so git inside the sandbox can read the
 * repository but not change it; buckle says so before the command starts,
 * rather than leave a puzzle of failing git commands. */
#define _GNU_SOURCE
#include "linked_git.h"
#include "nested_repos.h"
#include "text_file.h"
#include "../seatbelt/ops.h"
#include <string.h>
#include <sys/stat.h>

const char *runner_linked_git_note(arena *a, const ll_plan *plan, const char *cwd)
{
    /* a command that may not change the work tree has no use for git's
     * writes either */
    if (!runner_plan_write_why(a, plan, arena_printf(a, "%s/buckle-probe", strcmp(cwd, "/") ? cwd : ""))) return NULL;
    /* the nearest .git at or above cwd, as git finds it */
    char *dir = arena_strdup(a, cwd);
    const char *file = NULL;
    for (;;) {
        const char *g = arena_printf(a, "%s/.git", strcmp(dir, "/") ? dir : "");
        struct stat st;
        if (lstat(g, &st) == 0) {
            if (!S_ISREG(st.st_mode)) return NULL;
            file = g;
            break;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir) return NULL;
        *slash = 0;
    }
    char *text = runner_read_text(a, file, 4096);
    if (!text || strncmp(text, "gitdir:", 7)) return NULL;
    char *v = text + 7;
    while (*v == ' ' || *v == '\t') v++;
    v[strcspn(v, "\r\n")] = 0;
    if (!*v) return NULL;
    const char *gd = runner_path_by_name(a, v[0] == '/' ? v : arena_printf(a, "%s/%s", strcmp(dir, "/") ? dir : "", v));
    const char *lock = arena_printf(a, "%s/index.lock", gd);
    const char *how = runner_plan_write_why(a, plan, lock);
    if (how) return NULL;
    /* whether git can read it there at all (its HEAD) */
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    q.op = op_lookup("file-read-data", NULL);
    const char *head = arena_printf(a, "%s/HEAD", gd), *why;
    q.obj = head;
    q.len = strlen(head);
    int reads = ll_plan_decide(plan, &q, head, a, &why) == 0;
    /* the main checkout: the directory above the repository's .git */
    const char *main = NULL, *w = strstr(gd, "/.git/worktrees/");
    if (w) main = arena_strndup(a, gd, (size_t)(w - gd));
    return arena_printf(a, "%s names the repository %s, outside what the plan lets the command %s: git in the sandbox "
                           "%s; run git outside the sandbox, or give the command a repository of its own in the "
                           "working directory (git clone --no-hardlinks %s DIR, in place of git worktree add: its .git is inside, "
                           "and the profile's denies of .git/hooks and .git/config keep it)",
                        file, gd, reads ? "write" : "read",
                        reads ? "can read it but not change it (git add, git commit, git checkout, git stash fail)"
                              : "finds no repository (fatal: not a git repository)",
                        main ? main : "URL");
}
