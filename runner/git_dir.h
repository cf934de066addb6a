/* git_dir.h - whether a directory is a git directory, by what it holds
 * (git_dir.c). */
#ifndef BUCKLE_GIT_DIR_H
#define BUCKLE_GIT_DIR_H

/* 1 when dir (relative to dirfd, "." for dirfd itself; absolute with
 * AT_FDCWD) is a git directory as git takes one: a HEAD that is no
 * directory (a file, or a symbolic link: an old symbolic ref), and objects
 * and refs that are directories, through symbolic links (git looks them
 * up through links).  A bare repository's, a .git directory's, a
 * submodule's beneath .git/modules. */
int runner_git_dir_at(int dirfd, const char *dir);
#endif
