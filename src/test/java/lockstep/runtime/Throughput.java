package lockstep.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Throughput of acquire/release pairs: the runtime's Lock and Semaphore(1) against
 * {@code java.util.concurrent.Semaphore(1, true)} (fair, so FIFO like asyncio's), on one
 * thread (uncontended) and on two threads hammering the same primitive (contended). A
 * runtime caller whose acquire() is not done at once waits with {@code join()}; the
 * releasing thread completes its future. Also checks mutual exclusion as it goes.
 *
 * <pre>java -cp target/classes:target/test-classes lockstep.runtime.Throughput [millis per run]</pre>
 */
public final class Throughput {
    private Throughput() {}

    /** A binary semaphore as the benchmark drives it. */
    interface Subject {
        void acquire();
        void release();
    }

    static Subject runtimeLock() {
        Lock lock = new Lock();
        return new Subject() {
            @Override public void acquire() { lock.acquire().join(); }
            @Override public void release() { lock.release(); }
        };
    }

    static Subject runtimeSemaphore() {
        Semaphore sem = new Semaphore(1);
        return new Subject() {
            @Override public void acquire() { sem.acquire().join(); }
            @Override public void release() { sem.release(); }
        };
    }

    static Subject jucFairSemaphore() {
        java.util.concurrent.Semaphore sem = new java.util.concurrent.Semaphore(1, true);
        return new Subject() {
            @Override public void acquire() { sem.acquireUninterruptibly(); }
            @Override public void release() { sem.release(); }
        };
    }

    /** Pairs per second with {@code threads} threads for {@code millis} ms on a fresh subject. */
    static double run(Supplier<Subject> make, int threads, long millis) throws InterruptedException {
        Subject s = make.get();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        long[] counts = new long[threads];
        int[] inside = new int[1];
        AtomicBoolean overlap = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long n = 0;
                while (!stop.get()) {
                    s.acquire();
                    if (++inside[0] != 1) overlap.set(true);   // plain field: guarded by the primitive
                    inside[0]--;
                    s.release();
                    n++;
                }
                counts[me] = n;
            });
            workers.add(w);
            w.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        Thread.sleep(millis);
        stop.set(true);
        for (Thread w : workers) w.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (overlap.get()) throw new AssertionError("mutual exclusion broken");
        long total = 0;
        for (long c : counts) total += c;
        return total / secs;
    }

    /** Best of {@code runs} runs, after one warm-up run. */
    static double best(Supplier<Subject> make, int threads, long millis, int runs) throws InterruptedException {
        run(make, threads, millis);
        double best = 0;
        for (int i = 0; i < runs; i++) best = Math.max(best, run(make, threads, millis));
        return best;
    }

    public static void main(String[] args) throws InterruptedException {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        int runs = 3;
        String[] names = {"lockstep.runtime.Lock", "lockstep.runtime.Semaphore(1)", "j.u.c.Semaphore(1, fair)"};
        List<Supplier<Subject>> subjects = List.of(Throughput::runtimeLock, Throughput::runtimeSemaphore,
                Throughput::jucFairSemaphore);
        System.out.printf(Locale.ROOT, "acquire+release pairs per second, best of %d runs of %d ms after a warm-up run; %d CPUs%n",
                runs, millis, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-28s %24s %32s %28s%n", "", names[0], names[1], names[2]);
        for (int threads : new int[] {1, 2}) {
            String row = threads == 1 ? "uncontended, 1 thread" : "contended, 2 threads";
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", row));
            int[] widths = {24, 32, 28};
            for (int i = 0; i < subjects.size(); i++) {
                double ops = best(subjects.get(i), threads, millis, runs);
                line.append(String.format(Locale.ROOT, " %" + widths[i] + "s", String.format(Locale.ROOT, "%,.0f", ops)));
            }
            System.out.println(line);
        }
    }
}
