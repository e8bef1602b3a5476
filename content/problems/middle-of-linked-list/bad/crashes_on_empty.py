def middle_node(head: ListNode | None) -> ListNode | None:
    slow = fast = head
    while fast.next:
        slow = slow.next
        fast = fast.next
        if fast.next:
            fast = fast.next
    return slow
