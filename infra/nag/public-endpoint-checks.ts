/**
 * AwsSolutions does not look at Lambda Function URLs, so this small pack adds the two
 * cdk-nag rules that do: an unauthenticated Function URL, and an invoke permission open to
 * everyone. Both fire on the actions URL and are acknowledged there with the reason, so the
 * decision is recorded and any other public endpoint would fail synth.
 */
import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, type NagPackProps, rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export const PUBLIC_ENDPOINT_PACK = 'NotTodayPublicEndpoints';

export class PublicEndpointChecks extends NagPack {
  readonly name = PUBLIC_ENDPOINT_PACK;

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = PUBLIC_ENDPOINT_PACK;
  }

  protected checkResource(node: CfnResource): void {
    this.applyRule({
      info: 'The Lambda Function URL allows public, unauthenticated access.',
      explanation: 'Anyone on the internet can invoke a Function URL whose auth type is NONE.',
      level: NagMessageLevel.ERROR,
      rule: rules.lambda.LambdaFunctionUrlAuth,
      node,
    });
    this.applyRule({
      info: 'The Lambda permission lets any principal invoke the function.',
      explanation: 'A permission for principal "*" without a source condition makes the function public.',
      level: NagMessageLevel.ERROR,
      rule: rules.lambda.LambdaFunctionPublicAccessProhibited,
      node,
    });
  }
}
