/* bench_files.c: file system benchmarks: many small files, and one large file read and written. */
/*
 * bench_files small DIR COUNT   create+write, read, stat, list, delete COUNT files of 100 bytes
 * bench_files seq DIR MB        write then read one MB-megabyte file with 64 KiB buffers
 * DIR is made (and removed) by the program; its parent must exist.
 */
#include "bench_os.h"

#define SMALL_SIZE 100
#define SEQ_BUF (64 * 1024)

static void file_name(char *out, size_t len, const char *dir, long i)
{
    snprintf(out, len, "%s" BENCH_SEP "f%05ld.txt", dir, i);
}

static int small_files(const char *dir, long count)
{
    char path[512], buf[SMALL_SIZE];
    int64_t t;

    memset(buf, 'x', sizeof(buf));
    bench_mkdir(dir);
    t = bench_now_ns();
    for (long i = 0; i < count; i++) {
        bench_file f;
        file_name(path, sizeof(path), dir, i);
        f = bench_file_open(path, 1);
        bench_file_write(f, buf, sizeof(buf));
        bench_file_close(f);
    }
    bench_report("files.create", bench_now_ns() - t);

    t = bench_now_ns();
    for (long i = 0; i < count; i++) {
        bench_file f;
        file_name(path, sizeof(path), dir, i);
        f = bench_file_open(path, 0);
        if (bench_file_read(f, buf, sizeof(buf)) != SMALL_SIZE) {
            fprintf(stderr, "failed: short read of %s\n", path);
            return 1;
        }
        bench_file_close(f);
    }
    bench_report("files.read", bench_now_ns() - t);

    t = bench_now_ns();
    for (long i = 0; i < count; i++) {
        file_name(path, sizeof(path), dir, i);
        if (bench_file_size(path) != SMALL_SIZE) {
            fprintf(stderr, "failed: wrong size of %s\n", path);
            return 1;
        }
    }
    bench_report("files.stat", bench_now_ns() - t);

    t = bench_now_ns();
    for (int pass = 0; pass < 10; pass++) {
        long long bytes = 0;
        long n = bench_list(dir, &bytes);
        if (n != count || bytes != (long long)count * SMALL_SIZE) {
            fprintf(stderr, "failed: listed %ld files of %lld bytes, expected %ld of %lld\n",
                    n, bytes, count, (long long)count * SMALL_SIZE);
            return 1;
        }
    }
    bench_report("files.list", bench_now_ns() - t);

    t = bench_now_ns();
    for (long i = 0; i < count; i++) {
        file_name(path, sizeof(path), dir, i);
        bench_file_delete(path);
    }
    bench_report("files.delete", bench_now_ns() - t);
    bench_rmdir(dir);
    return 0;
}

static int sequential(const char *dir, long mb)
{
    static char buf[SEQ_BUF];
    long blocks = mb * (1024 * 1024 / SEQ_BUF), got = 0;
    char path[512];
    bench_file f;
    size_t n;
    int64_t t;

    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (char)(i * 31);
    bench_mkdir(dir);
    snprintf(path, sizeof(path), "%s" BENCH_SEP "big.bin", dir);
    t = bench_now_ns();
    f = bench_file_open(path, 1);
    for (long i = 0; i < blocks; i++)
        bench_file_write(f, buf, sizeof(buf));
    bench_file_close(f);
    bench_report("seqio.write", bench_now_ns() - t);

    t = bench_now_ns();
    f = bench_file_open(path, 0);
    while ((n = bench_file_read(f, buf, sizeof(buf))) > 0)
        got += (long)n;
    bench_file_close(f);
    bench_report("seqio.read", bench_now_ns() - t);
    if (got != blocks * SEQ_BUF) {
        fprintf(stderr, "failed: read %ld bytes, expected %ld\n", got, blocks * SEQ_BUF);
        return 1;
    }
    bench_file_delete(path);
    bench_rmdir(dir);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "small"))
        return small_files(argv[2], atol(argv[3]));
    if (argc == 4 && !strcmp(argv[1], "seq"))
        return sequential(argv[2], atol(argv[3]));
    fprintf(stderr, "usage: bench_files small DIR COUNT | seq DIR MB\n");
    return 2;
}
