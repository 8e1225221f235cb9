#include "core/heap.h"
#include "tests/testsupport/testutil.h"

#include <QCoreApplication>
#include <QTest>

#include <sys/resource.h>

#include <cstdlib>
#include <cstring>

// keepFreedMemoryForReuse(): a large buffer freed and asked for again comes back without the
// system faulting in its pages anew (glibc's default maps such a buffer afresh, and only adapts
// after the first one is freed).
class TestHeap : public QObject
{
    Q_OBJECT

private slots:
    void aFreedLargeBufferIsReusedWithoutNewPages();
};

namespace {

#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
constexpr bool kGlibcAllocator = false;
#else
constexpr bool kGlibcAllocator = true;
#endif

long minorFaults()
{
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// Faults taken to allocate `size` bytes, write every page and free them again.
long faultsToUse(size_t size)
{
    const long before = minorFaults();
    auto *p = static_cast<char *>(std::malloc(size));
    if (!p)
        return -1;
    std::memset(p, 1, size);
    asm volatile("" : : "r"(p) : "memory"); // the writes are not optimised away
    std::free(p);
    return minorFaults() - before;
}

} // namespace

void TestHeap::aFreedLargeBufferIsReusedWithoutNewPages()
{
    kanri::keepFreedMemoryForReuse();
    constexpr size_t kSize = 12u << 20; // 3,072 pages
    const long first = faultsToUse(kSize);
    QVERIFY2(first >= 0, "malloc failed");
    // Without the tuning glibc maps each of these afresh (the first free only raises its
    // threshold to 12 MiB; the second comes from a heap grown anew): thousands of faults.
    const long second = faultsToUse(kSize);
    const long third = faultsToUse(kSize);
    QVERIFY2(second < 300 && third < 300,
             qPrintable(QStringLiteral("faults: first %1, second %2, third %3")
                            .arg(first)
                            .arg(second)
                            .arg(third)));
}

// Under the sanitizers malloc is theirs, not glibc's: ctest reports the skip.
KANRI_TEST_MAIN_IF(TestHeap, QCoreApplication, kGlibcAllocator,
                   "malloc is not glibc's here (sanitizer build): the plain build runs this test")
#include "tst_heap.moc"
