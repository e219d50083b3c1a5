// Renders the nightly report. Parameters: format ("pdf" unless the trigger or caller says).
function main(args) {
  const format = args.format || 'pdf';
  console.log(`rendering the nightly report as ${format}`);
  return { report: `nightly.${format}`, pages: 12 };
}

exports.main = main;
