function main() { return {}; }
