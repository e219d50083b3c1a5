// Mails the weekly digest to the team; this sample sends nothing.
function main() {
  return { sent: 0 };
}

exports.main = main;
