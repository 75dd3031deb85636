import { Given } from '@cucumber/cucumber';
Given('the harness is loaded', function () {});
