package lockstep.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Throughput of acquire/release pairs: the runtime's Lock and Semaphore(1) against
 * {@code java.util.concurrent.Semaphore(1, true)} (fair, so FIFO like asyncio's), on one
 * thread (uncontended) and on two threads hammering the same primitive (contended). A
 * runtime caller whose acquire() is not done at once waits with {@code join()}; the
 * releasing thread completes its future. Also checks mutual exclusion as it goes, and
 * counts how many acquires had to wait: on a loaded machine the two threads may seldom
 * run at the same time, and the "contended" figure is then mostly uncontended.
 *
 * <pre>java -cp target/classes:target/test-classes lockstep.runtime.Throughput [millis per run]</pre>
 */
public final class Throughput {
    private Throughput() {}

    /** A binary semaphore as the benchmark drives it. */
    interface Subject {
        /** Acquires; true if it could not be had at once (the call waited). */
        boolean acquire();
        void release();
    }

    static Subject runtimeLock() {
        Lock lock = new Lock();
        return new Subject() {
            @Override public boolean acquire() { return waitFor(lock.acquire()); }
            @Override public void release() { lock.release(); }
        };
    }

    static Subject runtimeSemaphore() {
        Semaphore sem = new Semaphore(1);
        return new Subject() {
            @Override public boolean acquire() { return waitFor(sem.acquire()); }
            @Override public void release() { sem.release(); }
        };
    }

    private static boolean waitFor(CompletableFuture<Boolean> call) {
        if (call.isDone()) return false;
        call.join();
        return true;
    }

    static Subject jucFairSemaphore() {
        java.util.concurrent.Semaphore sem = new java.util.concurrent.Semaphore(1, true);
        return new Subject() {
            @Override public boolean acquire() {
                boolean busy = sem.availablePermits() == 0 || sem.hasQueuedThreads();   // an estimate
                sem.acquireUninterruptibly();
                return busy;
            }
            @Override public void release() { sem.release(); }
        };
    }

    /** Pairs per second, and the share of acquires that waited. */
    record Figure(double pairsPerSecond, double waited) {}

    /** Pairs per second with {@code threads} threads for {@code millis} ms on a fresh subject. */
    static Figure run(Supplier<Subject> make, int threads, long millis) throws InterruptedException {
        Subject s = make.get();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        long[] counts = new long[threads];
        long[] waits = new long[threads];
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
                long n = 0, waited = 0;
                while (!stop.get()) {
                    if (s.acquire()) waited++;
                    if (++inside[0] != 1) overlap.set(true);   // plain field: guarded by the primitive
                    inside[0]--;
                    s.release();
                    n++;
                }
                counts[me] = n;
                waits[me] = waited;
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
        long total = 0, waited = 0;
        for (int t = 0; t < threads; t++) {
            total += counts[t];
            waited += waits[t];
        }
        return new Figure(total / secs, total == 0 ? 0 : (double) waited / total);
    }

    /** The run with the median throughput of {@code runs} runs, after one warm-up run. */
    static Figure median(Supplier<Subject> make, int threads, long millis, int runs) throws InterruptedException {
        run(make, threads, millis);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < runs; i++) figures.add(run(make, threads, millis));
        figures.sort((a, b) -> Double.compare(a.pairsPerSecond(), b.pairsPerSecond()));
        return figures.get(runs / 2);
    }

    public static void main(String[] args) throws InterruptedException {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        int runs = 5;
        String[] names = {"lockstep.runtime.Lock", "lockstep.runtime.Semaphore(1)", "j.u.c.Semaphore(1, fair)"};
        List<Supplier<Subject>> subjects = List.of(Throughput::runtimeLock, Throughput::runtimeSemaphore,
                Throughput::jucFairSemaphore);
        System.out.printf(Locale.ROOT, "acquire+release pairs per second (share of acquires that waited), median of %d runs"
                + " of %d ms after a warm-up run; %d CPUs%n", runs, millis, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-28s %24s %32s %28s%n", "", names[0], names[1], names[2]);
        for (int threads : new int[] {1, 2}) {
            String row = threads == 1 ? "uncontended, 1 thread" : "contended, 2 threads";
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", row));
            int[] widths = {24, 32, 28};
            for (int i = 0; i < subjects.size(); i++) {
                Figure f = median(subjects.get(i), threads, millis, runs);
                String cell = String.format(Locale.ROOT, "%,.0f (%.2f%%)", f.pairsPerSecond(), 100 * f.waited());
                line.append(String.format(Locale.ROOT, " %" + widths[i] + "s", cell));
            }
            System.out.println(line);
        }
    }
}
