// cxx_vcrt.cpp: cxx_msvc.cpp's C++ exception tests (FH3 tables) against vcruntime140.dll and
// the UCRT, as Visual C++ 2015+ programs link them, plus vcruntime140's exception state
// (__uncaught_exceptions, __current_exception, _is_exception_typeof, __std_type_info_name).
#define CXX_VCRT 1
#include "cxx_msvc.cpp"
