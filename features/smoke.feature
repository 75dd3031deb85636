Feature: smoke
  Scenario: the harness loads TypeScript steps
    Given the harness is loaded
