/** The Amazon Bedrock provider: Converse copy, Nova Canvas images, Nova Reel videos, signed with IAM credentials. */
package dev.pms.providers.bedrock;
