/* cxx_eh.h: the MSVC C++ exception support that msvcrt (and later vcruntime140) export. */
#ifndef VINHO_DLLRT_CXX_EH_H
#define VINHO_DLLRT_CXX_EH_H

void WINAPI _CxxThrowException(void *object, const void *ti);
EXCEPTION_DISPOSITION WINAPI __CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *disp);
void cxx_terminate(void) __attribute__((noreturn));

#endif
