"""What the tests share: factories, page and CSV readers, the production server harness,
the network relay, and the Mozilla Observatory's scoring."""
