/* seccomp_names.h - the system calls the seccomp filter's reference table
 * (test_seccomp.c) decides by name, and their numbers taken from the kernel's
 * headers: include the architecture's <asm/unistd*.h> (or
 * <asm-generic/unistd.h>) first.  A call the headers lack is -1: open,
 * creat, chmod, chown, lchown and mknod have no number on aarch64; fchmodat2, setxattrat
 * and removexattrat are newer than some headers and have one number on
 * every architecture. */
#ifndef BUCKLE_SECCOMP_NAMES_H
#define BUCKLE_SECCOMP_NAMES_H

#define SC_NAMES(C) \
    C(ioctl) C(setpgid) C(io_uring_setup) C(keyctl) C(add_key) C(request_key) C(unshare) C(clone) C(clone3) \
    C(setns) C(userfaultfd) C(perf_event_open) C(bpf) C(prlimit64) C(setpriority) C(sched_setscheduler) \
    C(sched_setparam) C(sched_setattr) C(sched_setaffinity) C(ioprio_set) C(chmod) C(fchmod) C(fchmodat) \
    C(fchmodat2) C(chown) C(lchown) C(fchown) C(fchownat) C(creat) C(mknod) C(mknodat) C(open) C(openat) C(openat2) C(personality) C(socket) C(socketpair) C(listen) C(bind) \
    C(shmget) C(shmat) C(shmctl) C(msgget) C(msgsnd) C(msgrcv) C(msgctl) C(semget) C(semop) C(semctl) \
    C(semtimedop) C(mq_open) C(mq_unlink) C(inotify_add_watch) C(fanotify_init) C(fanotify_mark) C(truncate) \
    C(setxattr) C(lsetxattr) C(fsetxattr) C(removexattr) C(lremovexattr) C(fremovexattr) C(setxattrat) \
    C(removexattrat) C(memfd_create) C(mount) C(umount2) C(pivot_root) C(chroot) C(open_tree) C(move_mount) \
    C(fsopen) C(fsconfig) C(fsmount) C(fspick) C(mount_setattr) C(open_tree_attr) C(kill) C(tkill) C(tgkill) \
    C(rt_sigqueueinfo) C(rt_tgsigqueueinfo) C(pidfd_send_signal) C(fcntl)

#define SC_ENUM(n) SCN_##n,
enum { SC_NAMES(SC_ENUM) SCN_COUNT };
#undef SC_ENUM

/* the numbers of the generic table (aarch64), by SCN_ index
 * (seccomp_nr_generic.c; Linux only) */
extern const long sc_nrs_generic[SCN_COUNT];

#endif

/* after the headers of one architecture: what they lack */
#if defined(SC_NUMBERS) && !defined(BUCKLE_SECCOMP_NUMBERS)
#define BUCKLE_SECCOMP_NUMBERS
#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif
#ifndef __NR_setxattrat
#define __NR_setxattrat 463
#endif
#ifndef __NR_removexattrat
#define __NR_removexattrat 466
#endif
#ifndef __NR_open
#define __NR_open (-1)
#endif
#ifndef __NR_creat
#define __NR_creat (-1)
#endif
#ifndef __NR_chmod
#define __NR_chmod (-1)
#endif
#ifndef __NR_mknod
#define __NR_mknod (-1)
#endif
#ifndef __NR_chown
#define __NR_chown (-1)
#endif
#ifndef __NR_lchown
#define __NR_lchown (-1)
#endif
#ifndef __NR_open_tree_attr
#define __NR_open_tree_attr 467
#endif
#define SC_NR(n) __NR_##n,
#endif
