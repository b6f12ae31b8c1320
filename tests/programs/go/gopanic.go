// gopanic: Go turns a hardware fault (nil dereference) into a panic through its vectored
// exception handler; recover() catches it, and an explicit panic is recovered too.
package main

import (
	"fmt"
	"os"
)

type node struct{ val int }

func deref(n *node) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return n.val, nil
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println("hello from gopanic")
	v, err := deref(&node{42})
	fmt.Println("deref ok:", v, err)
	_, err = deref(nil)
	fmt.Println("deref nil:", err)
	_, err = divide(7, 0)
	fmt.Println("divide:", err)
	func() {
		defer func() { fmt.Println("explicit:", recover()) }()
		panic("boom")
	}()
	os.Exit(0)
}
