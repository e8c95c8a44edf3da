package org.steady.app;

public class SteadyMain {
  public static void main(String[] args) {
  }
}
