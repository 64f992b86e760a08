import { render } from 'preact';
import { App } from './App.tsx';
import './styles.css';
import { createBrowserTokenCounter } from './tokens/createBrowserTokenCounter.ts';

const root = document.getElementById('app');
if (root !== null) render(<App counter={createBrowserTokenCounter()} />, root);
