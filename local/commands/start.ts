/** `not-today start`: placeholder until the local stack lands (issue: follow-up engine). */
export async function run(): Promise<number> {
  process.stdout.write(
    [
      'Not Today — local stack',
      '',
      'The local stack is not built yet. When it is, this command will start, in one process:',
      '  dynalite (DynamoDB), a local S3 store for raw mail, aws-ses-v2-local (the owner\'s inbox),',
      '  an SMTP server on 127.0.0.1:2525 that plays the SES receipt rule, the actions server on',
      '  127.0.0.1:3000 and a scheduler that plays the EventBridge rule.',
      '',
      'Today you can already run: npx not-today parse --json path/to/mail.eml',
      '',
    ].join('\n'),
  );
  return 0;
}
