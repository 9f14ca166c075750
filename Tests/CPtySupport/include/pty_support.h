#ifndef NETTUTOR_PTY_SUPPORT_H
#define NETTUTOR_PTY_SUPPORT_H
// Test-only shim: the pty and spawn calls Swift's Glibc module hides behind _GNU_SOURCE.
#include <sys/types.h>
#include <spawn.h>

int nt_openpt(void);
/// grantpt + unlockpt + ptsname_r into `name`; 0 on success.
int nt_prepare_slave(int master, char *name, unsigned long size);
int nt_pipe_cloexec(int fds[2]);
int nt_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);
short nt_spawn_setsid_flag(void);

#endif
