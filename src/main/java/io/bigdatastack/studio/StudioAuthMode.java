package io.bigdatastack.studio;

/** How users sign in to EMR Studio (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-authentication.html). */
public enum StudioAuthMode {
    /** IAM Identity Center users and groups; Identity Center must be enabled in the Region. */
    SSO,
    /** IAM principals (or federation) sign in through the console. */
    IAM
}
