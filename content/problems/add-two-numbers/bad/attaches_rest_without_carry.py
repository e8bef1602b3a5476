def add_two_numbers(l1: ListNode | None, l2: ListNode | None) -> ListNode | None:
    dummy = ListNode()
    tail = dummy
    carry = 0
    while l1 and l2:
        total = l1.val + l2.val + carry
        carry = total // 10
        tail.next = ListNode(total % 10)
        tail = tail.next
        l1 = l1.next
        l2 = l2.next
    if l1 or l2:
        tail.next = l1 or l2
    elif carry:
        tail.next = ListNode(carry)
    return dummy.next
