// gothreads: goroutines spread over OS threads (GOMAXPROCS 4) with a WaitGroup, channels,
// time.Sleep and a mutex; prints a deterministic result and exits with os.Exit(3).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

func main() {
	fmt.Println("hello from go")
	runtime.GOMAXPROCS(4)

	const workers = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	results := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sum := 0
			for i := 0; i < 200000; i++ {
				sum += (i * (id + 1)) % 7
			}
			time.Sleep(time.Duration(id) * time.Millisecond)
			mu.Lock()
			total += sum
			mu.Unlock()
			results <- id
		}(w)
	}
	wg.Wait()
	close(results)
	seen := 0
	for id := range results {
		seen |= 1 << id
	}
	fmt.Printf("workers=%d seen=%#x total=%d\n", workers, seen, total)

	// A ping-pong over unbuffered channels between two goroutines.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	acc := 0
	for i := 1; i <= 100; i++ {
		ping <- i
		acc += <-pong
	}
	close(ping)
	fmt.Printf("pingpong=%d\n", acc)
	os.Exit(3)
}
